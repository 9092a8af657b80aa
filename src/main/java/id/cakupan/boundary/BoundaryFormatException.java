package id.cakupan.boundary;

/**
 * A boundary file could not be read. The message is meant for the data officer who uploaded the
 * file: it names the file and says what is wrong in plain English. Features and records are
 * numbered from 1, as they are shown in desktop GIS.
 */
public class BoundaryFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public BoundaryFormatException(String message) {
        super(message);
    }

    public BoundaryFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
