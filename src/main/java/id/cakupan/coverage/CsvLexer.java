package id.cakupan.coverage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits CSV bytes into records and fields in one pass, validating UTF-8 on the way. Works on
 * bytes rather than a decoded string because every byte that matters (delimiter, quote, CR, LF)
 * is ASCII and never part of a multi-byte UTF-8 sequence, and a 180 MB upload should not be
 * copied into a 360 MB char array. Fields are offsets into the input, except quoted ones with
 * {@code ""} escapes, which are unescaped into a scratch buffer.
 */
public final class CsvLexer {
  /** Thrown once for the whole file: the content is not UTF-8 text. */
  public static final class NotTextException extends RuntimeException {
    NotTextException(String reason) {
      super(reason, null, false, false);
    }
  }

  private final byte[] in;
  private final int end;
  private final byte delimiter;
  private int pos;
  private int line;
  private int controlBytes;

  private int recordLine;
  private int recordStart;
  private int count;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private boolean[] scratched = new boolean[16];
  private byte[] scratch = new byte[64];
  private int scratchLen;
  private int unterminatedQuoteLine;

  public CsvLexer(byte[] in, int start, int end, int firstLine, char delimiter) {
    this.in = in;
    this.pos = start;
    this.end = end;
    this.line = firstLine;
    this.delimiter = (byte) delimiter;
  }

  /** Reads the next record; false at the end of the input. */
  public boolean next() {
    if (pos >= end) return false;
    count = 0;
    scratchLen = 0;
    recordLine = line;
    recordStart = pos;
    while (true) {
      int p = pos;
      while (p < end && (in[p] == ' ' || in[p] == '\t')) p++;
      if (p < end && in[p] == '"') {
        quoted(p + 1);
      } else {
        plain();
      }
      if (pos >= end) return true;
      byte b = in[pos++];
      if (b == delimiter) {
        if (pos >= end) {
          addField(pos, pos, false); // "a,b," at the very end: the last field is empty
          return true;
        }
        continue;
      }
      if (b == '\r' && pos < end && in[pos] == '\n') pos++;
      line++;
      return true;
    }
  }

  private void plain() {
    int i = pos;
    while (i < end) {
      byte b = in[i];
      if (b >= 0x20) {
        if (b == delimiter) break;
        i++;
      } else if (b == '\n' || b == '\r') {
        break;
      } else if (b < 0) {
        i = utf8(i);
      } else {
        control(b);
        i++;
      }
    }
    addField(pos, i, false);
    pos = i;
  }

  private void quoted(int contentStart) {
    int openedOn = line;
    int i = contentStart;
    boolean escapes = false;
    while (true) {
      if (i >= end) {
        // Never closed: keep what there is so the caller can report where the quote opened.
        unterminatedQuoteLine = openedOn;
        addQuoted(contentStart, end, escapes, end, end);
        pos = end;
        return;
      }
      byte b = in[i];
      if (b == '"') {
        if (i + 1 < end && in[i + 1] == '"') {
          escapes = true;
          i += 2;
          continue;
        }
        break;
      }
      if (b >= 0x20) {
        i++;
      } else if (b < 0) {
        i = utf8(i);
      } else {
        if (b == '\n') {
          line++;
        } else if (b == '\r') {
          if (i + 1 >= end || in[i + 1] != '\n') line++;
        } else {
          control(b);
        }
        i++;
      }
    }
    int contentEnd = i;
    // Text after the closing quote is not valid CSV; keep it in the value rather than guess.
    int tail = i + 1;
    int j = tail;
    while (j < end) {
      byte b = in[j];
      if (b == delimiter || b == '\n' || b == '\r') break;
      if (b < 0) {
        j = utf8(j);
      } else {
        if (b < 0x20 && b != '\t') control(b);
        j++;
      }
    }
    int tailEnd = isBlank(tail, j) ? tail : j;
    addQuoted(contentStart, contentEnd, escapes, tail, tailEnd);
    pos = j;
  }

  private void addQuoted(int from, int to, boolean escapes, int tail, int tailEnd) {
    if (!escapes && tail == tailEnd) {
      addField(from, to, false);
      return;
    }
    int start = scratchLen;
    for (int i = from; i < to; i++) {
      byte b = in[i];
      if (b == '"' && escapes) i++; // "" stands for one quote
      put(b);
    }
    for (int i = tail; i < tailEnd; i++) put(in[i]);
    addField(start, scratchLen, true);
  }

  private void put(byte b) {
    if (scratchLen == scratch.length) scratch = Arrays.copyOf(scratch, scratch.length * 2);
    scratch[scratchLen++] = b;
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      if (in[i] != ' ' && in[i] != '\t') return false;
    }
    return true;
  }

  private void addField(int from, int to, boolean inScratch) {
    byte[] buf = inScratch ? scratch : in;
    while (from < to && (buf[from] == ' ' || buf[from] == '\t')) from++;
    while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) to--;
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
      scratched = Arrays.copyOf(scratched, count * 2);
    }
    starts[count] = from;
    ends[count] = to;
    scratched[count] = inScratch;
    count++;
  }

  private void control(byte b) {
    if (b == 0) throw new NotTextException("it contains NUL bytes, so it is binary");
    if (b != '\t') controlBytes++;
  }

  /** Validates one UTF-8 sequence starting at i (a byte >= 0x80) and returns the index after it. */
  private int utf8(int i) {
    int lead = in[i] & 0xFF;
    int n;
    int lo = 0x80;
    int hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      n = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      n = 2;
      if (lead == 0xE0) lo = 0xA0; // overlong
      if (lead == 0xED) hi = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      n = 3;
      if (lead == 0xF0) lo = 0x90; // overlong
      if (lead == 0xF4) hi = 0x8F; // beyond U+10FFFF
    } else {
      throw invalidUtf8(i);
    }
    if (i + n >= end) throw invalidUtf8(i);
    int second = in[i + 1] & 0xFF;
    if (second < lo || second > hi) throw invalidUtf8(i);
    for (int k = 2; k <= n; k++) {
      if ((in[i + k] & 0xC0) != 0x80) throw invalidUtf8(i);
    }
    return i + n + 1;
  }

  private NotTextException invalidUtf8(int i) {
    return new NotTextException(String.format(
        "byte 0x%02X on line %d is not valid UTF-8 (save the file as \"CSV UTF-8\")", in[i] & 0xFF, line));
  }

  /** Line of the record's first byte, counting the header as line 1. */
  public int line() {
    return recordLine;
  }

  /** Offset of the record's first byte, to re-read it with another delimiter. */
  public int recordStart() {
    return recordStart;
  }

  /** Offset just after the record, including its line ending. */
  public int position() {
    return pos;
  }

  public int fields() {
    return count;
  }

  /** True when every field is empty: a blank line, or one of only delimiters as spreadsheets write. */
  public boolean isBlank() {
    for (int i = 0; i < count; i++) {
      if (starts[i] != ends[i]) return false;
    }
    return true;
  }

  public boolean isEmpty(int field) {
    return field >= count || starts[field] == ends[field];
  }

  /** The trimmed, unescaped text of a field; empty when the record is shorter. */
  public String text(int field) {
    if (field >= count) return "";
    return new String(buffer(field), starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
  }

  public byte[] buffer(int field) {
    return scratched[field] ? scratch : in;
  }

  public int start(int field) {
    return starts[field];
  }

  public int end(int field) {
    return ends[field];
  }

  /** Line where a quote opened that is never closed; 0 when every quote is closed. */
  public int unterminatedQuoteLine() {
    return unterminatedQuoteLine;
  }

  /** Control characters other than tab, CR and LF seen so far. */
  public int controlBytes() {
    return controlBytes;
  }
}
