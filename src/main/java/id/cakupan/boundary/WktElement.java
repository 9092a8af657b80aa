package id.cakupan.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One bracketed element of a CRS in Well-Known Text, e.g. {@code PARAMETER["Scale_Factor",0.9996]}.
 * Just enough of WKT 1 (OGC and ESRI flavours) and WKT 2 syntax to look up names and numbers;
 * it knows nothing about what the keywords mean.
 */
final class WktElement {

    private final String keyword;
    /** Quoted strings, bare tokens (numbers, axis directions) as String, and nested elements. */
    private final List<Object> values;

    private WktElement(String keyword, List<Object> values) {
        this.keyword = keyword;
        this.values = values;
    }

    /** @throws IllegalArgumentException if the text is not well-formed WKT */
    static WktElement parse(String wkt) {
        Parser parser = new Parser(wkt);
        WktElement root = parser.element();
        parser.skipSpace();
        if (!parser.atEnd()) {
            throw new IllegalArgumentException("unexpected text after the end of the WKT at offset " + parser.pos);
        }
        return root;
    }

    /** Upper-case keyword, e.g. {@code PROJCS}. */
    String keyword() {
        return keyword;
    }

    /** The first value when it is a quoted name, e.g. the CRS name of a PROJCS. */
    String name() {
        return !values.isEmpty() && values.get(0) instanceof String s ? s : "";
    }

    /** The first direct child with one of the given keywords. */
    Optional<WktElement> child(String... keywords) {
        for (Object value : values) {
            if (value instanceof WktElement element) {
                for (String k : keywords) {
                    if (element.keyword.equalsIgnoreCase(k)) {
                        return Optional.of(element);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** All direct children with the keyword. */
    List<WktElement> children(String keyword) {
        List<WktElement> found = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof WktElement element && element.keyword.equalsIgnoreCase(keyword)) {
                found.add(element);
            }
        }
        return found;
    }

    /** The value at {@code index} as a number, if it is one. */
    Optional<Double> number(int index) {
        if (index < values.size() && values.get(index) instanceof String s) {
            try {
                return Optional.of(Double.parseDouble(s));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The value at {@code index} as text, whether quoted or bare. */
    Optional<String> text(int index) {
        return index < values.size() && values.get(index) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        WktElement element() {
            skipSpace();
            String keyword = word();
            if (keyword.isEmpty()) {
                throw error("expected a keyword");
            }
            skipSpace();
            char open = next();
            if (open != '[' && open != '(') {
                throw error("expected '[' after " + keyword);
            }
            char close = open == '[' ? ']' : ')';
            List<Object> values = new ArrayList<>();
            skipSpace();
            if (peek() == close) {
                pos++;
                return new WktElement(keyword.toUpperCase(Locale.ROOT), values);
            }
            while (true) {
                values.add(value());
                skipSpace();
                char separator = next();
                if (separator == close) {
                    return new WktElement(keyword.toUpperCase(Locale.ROOT), values);
                }
                if (separator != ',') {
                    throw error("expected ',' or '" + close + "' in " + keyword);
                }
            }
        }

        private Object value() {
            skipSpace();
            if (peek() == '"') {
                return quoted();
            }
            int start = pos;
            String word = word();
            skipSpace();
            if (!word.isEmpty() && (peek() == '[' || peek() == '(')) {
                pos = start;
                return element();
            }
            // Numbers and enumerations such as NORTH.
            while (!atEnd() && ",])".indexOf(peek()) < 0 && !Character.isWhitespace(peek())) {
                pos++;
            }
            String token = text.substring(start, pos).trim();
            if (token.isEmpty()) {
                throw error("expected a value");
            }
            return token;
        }

        private String quoted() {
            pos++; // opening quote
            StringBuilder out = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw error("unterminated quoted text");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    if (!atEnd() && peek() == '"') { // WKT 2 escapes a quote by doubling it
                        out.append('"');
                        pos++;
                        continue;
                    }
                    return out.toString();
                }
                out.append(c);
            }
        }

        private String word() {
            int start = pos;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
                pos++;
            }
            return text.substring(start, pos);
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                pos++;
            }
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        private char peek() {
            return atEnd() ? '\0' : text.charAt(pos);
        }

        private char next() {
            if (atEnd()) {
                throw error("unexpected end of text");
            }
            return text.charAt(pos++);
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("malformed WKT (" + problem + " at offset " + pos + ")");
        }
    }
}
