package id.cakupan.activity;

import java.util.List;

/** Suggestions for an activity's target group; any text is accepted, these keep spellings together. */
public final class TargetGroups {
  public static final List<String> SUGGESTIONS = List.of("UMKM binaan", "pedagang pasar", "pedagang kaki lima",
      "nelayan", "ojek", "pekerja rumah tangga", "buruh pelabuhan", "pekerja konstruksi", "petugas kebersihan",
      "pekerja informal lain");

  private TargetGroups() {}
}
