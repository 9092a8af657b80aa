package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The bytes of import files in memory at once, over all requests, stay within one budget. */
class UploadMemoryTest {
  @Test
  void aFileThatFindsNoRoomIs503UntilTheOtherIsDone() {
    UploadMemory memory = new UploadMemory(1 << 20, 0);
    memory.acquire(700 * 1024);
    Problem full = assertThrows(Problem.class, () -> memory.acquire(400 * 1024));
    assertEquals(503, full.status());
    memory.acquire(300 * 1024);
    memory.release(700 * 1024);
    memory.acquire(400 * 1024);
    memory.release(400 * 1024);
    memory.release(300 * 1024);
    memory.acquire(1 << 20);
  }

  @Test
  void aFileLargerThanTheBudgetStillGetsItAll() {
    // The upload limit bounds a file; a budget smaller than one file must not lock it out forever.
    UploadMemory memory = new UploadMemory(1 << 20, 0);
    memory.acquire(5 << 20);
    assertThrows(Problem.class, () -> memory.acquire(1));
    memory.release(5 << 20);
    memory.acquire(1 << 20);
  }
}
