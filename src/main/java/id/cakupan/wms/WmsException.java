package id.cakupan.wms;

/**
 * A WMS request the service cannot answer because of what the client sent. It carries the
 * exception code of WMS 1.3.0 (Annex E, e.g. {@code InvalidCRS}, {@code LayerNotDefined}) and the
 * parameter at fault, so the HTTP layer can answer either a problem document or a
 * ServiceExceptionReport without guessing.
 */
public final class WmsException extends RuntimeException {
  public static final String INVALID_PARAMETER = "InvalidParameterValue";
  public static final String MISSING_PARAMETER = "MissingParameterValue";
  public static final String OPERATION_NOT_SUPPORTED = "OperationNotSupported";
  public static final String INVALID_FORMAT = "InvalidFormat";
  public static final String INVALID_CRS = "InvalidCRS";
  public static final String LAYER_NOT_DEFINED = "LayerNotDefined";
  public static final String STYLE_NOT_DEFINED = "StyleNotDefined";
  public static final String LAYER_NOT_QUERYABLE = "LayerNotQueryable";
  public static final String INVALID_POINT = "InvalidPoint";
  public static final String MISSING_DIMENSION_VALUE = "MissingDimensionValue";
  public static final String INVALID_DIMENSION_VALUE = "InvalidDimensionValue";
  public static final String INVALID_UPDATE_SEQUENCE = "InvalidUpdateSequence";

  private final String code;
  private final String parameter;

  public WmsException(String code, String parameter, String message) {
    super(message);
    this.code = code;
    this.parameter = parameter;
  }

  public static WmsException invalid(String parameter, String message) {
    return new WmsException(INVALID_PARAMETER, parameter, message);
  }

  public static WmsException missing(String parameter) {
    return new WmsException(MISSING_PARAMETER, parameter, "parameter " + parameter + " is required");
  }

  /** The WMS 1.3.0 exception code. */
  public String code() {
    return code;
  }

  /** The request parameter at fault, in upper case as WMS writes it, or null. */
  public String parameter() {
    return parameter;
  }
}
