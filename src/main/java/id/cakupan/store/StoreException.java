package id.cakupan.store;

/** The store could not be read or written; nothing was changed by the failed call. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
