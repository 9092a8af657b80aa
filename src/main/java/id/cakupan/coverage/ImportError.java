package id.cakupan.coverage;

/**
 * One reason an import was rejected. Lines count the header as line 1, as an editor shows them;
 * column is the canonical (lower-case) column name, or null for a problem of the whole row or
 * file.
 */
public record ImportError(int line, String column, String message) {}
