package id.cakupan.boundary;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/** The text encoding of a shapefile's .dbf, as its .cpg sidecar names it. */
final class ShapefileEncoding {

    /** dBase files without a .cpg are, by convention, Latin-1. */
    static final Charset DEFAULT = StandardCharsets.ISO_8859_1;

    private ShapefileEncoding() {
    }

    /**
     * The charset a .cpg names: a Java/IANA name ("UTF-8"), or a Windows/ISO code page number as
     * ESRI software writes it ("65001", "1252", "ANSI 1252", "88591").
     *
     * @throws IllegalArgumentException if the name is not an encoding Java knows
     */
    static Charset fromCpg(String cpg) {
        String name = cpg.trim();
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.startsWith("ANSI ")) {
            name = name.substring(5).trim();
            upper = name;
        }
        if (name.isEmpty()) {
            return DEFAULT;
        }
        if (upper.equals("UTF8") || upper.equals("65001")) {
            return StandardCharsets.UTF_8;
        }
        if (upper.matches("8859\\d{1,2}")) {
            name = "ISO-8859-" + upper.substring(4);
        } else if (upper.matches("125\\d")) {
            name = "windows-" + upper;
        } else if (upper.matches("\\d{3,4}")) {
            name = "Cp" + upper; // DOS code pages such as 437 or 850
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("names encoding \"" + cpg.trim() + "\", which is not a known character set");
        }
    }
}
