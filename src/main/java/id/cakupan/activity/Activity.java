package id.cakupan.activity;

import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One outreach activity (SPEC §7), validated: build it through {@link ActivityFields}.
 *
 * @param id short random hex, given by the server
 * @param code the kelurahan where it happens
 * @param lon the point where it happens, inside the kelurahan, or null (then lat is null too)
 * @param attendees people who came, or null when not counted
 * @param registrations workers signed up at the event, or null when not counted
 */
public record Activity(String id, ActivityType type, ActivityStatus status, LocalDate date, String organiser,
    KelurahanCode code, Double lon, Double lat, String targetGroup, Integer attendees, Integer registrations,
    String note) {
  public Activity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(organiser, "organiser");
    Objects.requireNonNull(code, "code");
    if ((lon == null) != (lat == null)) throw new IllegalArgumentException("lon and lat go together");
  }

  /** The activity month {@code a} of SPEC §7. */
  public Period month() {
    return new Period(YearMonth.from(date));
  }

  public boolean done() {
    return status == ActivityStatus.SELESAI;
  }

  public boolean hasPoint() {
    return lon != null;
  }

  public String kecamatanCode() {
    return code.kecamatanCode();
  }

  public Activity withId(String newId) {
    return new Activity(newId, type, status, date, organiser, code, lon, lat, targetGroup, attendees, registrations, note);
  }
}
