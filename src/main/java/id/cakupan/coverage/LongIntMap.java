package id.cakupan.coverage;

/**
 * Open-addressing map from non-zero long keys to non-zero ints. The duplicate check of a
 * 3-million-row import would cost several hundred MB as a HashMap of boxed keys; this costs 12
 * bytes a slot.
 */
final class LongIntMap {
  private long[] keys;
  private int[] values;
  private int bits;
  private int size;

  LongIntMap() {
    bits = 10;
    keys = new long[1 << bits];
    values = new int[1 << bits];
  }

  /** Stores value under key unless the key is present; returns the value already there, or 0. */
  int putIfAbsent(long key, int value) {
    int slot = find(keys, bits, key);
    if (keys[slot] == key) return values[slot];
    keys[slot] = key;
    values[slot] = value;
    if (++size > (keys.length >> 1)) grow();
    return 0;
  }

  /** The value stored under key, or 0. */
  int get(long key) {
    int slot = find(keys, bits, key);
    return keys[slot] == key ? values[slot] : 0;
  }

  int size() {
    return size;
  }

  private static int find(long[] keys, int bits, long key) {
    int mask = (1 << bits) - 1;
    int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - bits));
    while (keys[slot] != 0 && keys[slot] != key) slot = (slot + 1) & mask;
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    bits++;
    keys = new long[1 << bits];
    values = new int[1 << bits];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = find(keys, bits, oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }
}
