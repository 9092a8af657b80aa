package id.cakupan.app;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.LongConsumer;

/**
 * A read-only view that reports how far a consumer has read: the stores stream the records once
 * (to a file or into COPY), so the index read is the progress of the write.
 */
final class ProgressList<T> extends AbstractList<T> implements RandomAccess {
  private final List<T> items;
  private final LongConsumer progress;
  private final int step;

  ProgressList(List<T> items, LongConsumer progress) {
    this.items = items;
    this.progress = progress;
    this.step = Math.max(1, items.size() / 200);
  }

  @Override
  public T get(int index) {
    if ((index + 1) % step == 0 || index == items.size() - 1) progress.accept(index + 1L);
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }
}
