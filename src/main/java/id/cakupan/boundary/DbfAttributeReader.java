package id.cakupan.boundary;

import com.linuxense.javadbf.DBFException;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the attribute table (.dbf) of a shapefile, one map per record in record order. */
final class DbfAttributeReader {

    private DbfAttributeReader() {
    }

    /** @param realBytes the size of the file on disk, against which the header's counts are checked */
    static List<Map<String, Object>> read(String source, InputStream dbf, Charset charset, long realBytes)
            throws BoundaryFormatException {
        // Rows marked deleted are skipped; the caller notices if that breaks the row-per-shape pairing.
        try (DBFReader reader = new DBFReader(new BufferedInputStream(dbf, 1 << 16), charset)) {
            DBFField[] fields = new DBFField[reader.getFieldCount()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = reader.getField(i);
            }
            long recordBytes = 1; // the deletion flag
            for (DBFField field : fields) {
                recordBytes += field.getLength();
            }
            long declared = reader.getRecordCount();
            // Checked before sizing anything by it: a header may claim two billion rows in a file of a few bytes.
            if (declared < 0 || declared * recordBytes > realBytes) {
                throw new BoundaryFormatException(source + ": its .dbf header claims " + declared + " rows of "
                        + recordBytes + " bytes, more than its " + realBytes + " bytes hold");
            }
            List<Map<String, Object>> rows = new ArrayList<>((int) declared);
            Object[] values;
            while ((values = reader.nextRecord()) != null) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < fields.length; i++) {
                    row.put(fields[i].getName(), value(values[i], fields[i]));
                }
                rows.add(row);
            }
            return rows;
        } catch (DBFException e) {
            String cause = e.getCause() instanceof IOException io ? io.getMessage() : e.getMessage();
            throw new BoundaryFormatException(source + ": attribute table could not be read: " + cause, e);
        }
    }

    // DBF pads text with spaces, and stores numbers as decimal text whose column declares the
    // decimals; deciding by the column keeps one Java type per column.
    private static Object value(Object raw, DBFField field) {
        if (raw instanceof String text) {
            return text.trim();
        }
        if (raw instanceof BigDecimal decimal) {
            boolean integralColumn = field.getDecimalCount() == 0 && decimal.precision() - decimal.scale() <= 18;
            return integralColumn ? (Object) decimal.longValue() : (Object) decimal.doubleValue();
        }
        return AttributeValues.normalise(raw);
    }
}
