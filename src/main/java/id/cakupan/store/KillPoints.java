package id.cakupan.store;

/**
 * A test hook for crash safety: with {@code -Dcakupan.embedded.killAt=N} the process halts (exit
 * 137, no shutdown hooks, as after {@code kill -9}) at its Nth write step. A test raises N until
 * the write completes, so every step is exercised. Off (0) in normal use.
 */
final class KillPoints {
  static final String PROPERTY = "cakupan.embedded.killAt";
  private static final int KILL_AT = Integer.getInteger(PROPERTY, 0);
  private static int seen;

  private KillPoints() {}

  static synchronized void step(String name) {
    if (KILL_AT <= 0 || ++seen != KILL_AT) return;
    System.err.println(PROPERTY + ": halting at write step " + seen + " (" + name + ")");
    System.err.flush();
    Runtime.getRuntime().halt(137);
  }
}
