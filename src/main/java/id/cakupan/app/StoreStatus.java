package id.cakupan.app;

/** Whether the store answered when last asked, and if not, why: what health reports. */
public record StoreStatus(boolean available, String reason) {
  public static final StoreStatus OK = new StoreStatus(true, null);

  public static StoreStatus degraded(String reason) {
    return new StoreStatus(false, reason);
  }
}
