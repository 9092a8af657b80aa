package id.cakupan.boundary;

import com.linuxense.javadbf.DBFException;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the attribute table (.dbf) of a shapefile, one map per record in record order. */
final class DbfAttributeReader {

    private DbfAttributeReader() {
    }

    static List<Map<String, Object>> read(String source, InputStream dbf, Charset charset)
            throws BoundaryFormatException {
        // Rows marked deleted are skipped; the caller notices if that breaks the row-per-shape pairing.
        try (DBFReader reader = new DBFReader(new BufferedInputStream(dbf, 1 << 16), charset)) {
            String[] names = new String[reader.getFieldCount()];
            for (int i = 0; i < names.length; i++) {
                DBFField field = reader.getField(i);
                names[i] = field.getName();
            }
            List<Map<String, Object>> rows = new ArrayList<>(Math.max(0, reader.getRecordCount()));
            Object[] values;
            while ((values = reader.nextRecord()) != null) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < names.length; i++) {
                    row.put(names[i], value(values[i]));
                }
                rows.add(row);
            }
            return rows;
        } catch (DBFException e) {
            String cause = e.getCause() instanceof IOException io ? io.getMessage() : e.getMessage();
            throw new BoundaryFormatException(source + ": attribute table could not be read: " + cause, e);
        }
    }

    // DBF pads text with spaces; the padding is not part of the value.
    private static Object value(Object raw) {
        return raw instanceof String text ? text.trim() : AttributeValues.normalise(raw);
    }
}
