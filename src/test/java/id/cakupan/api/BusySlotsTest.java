package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bound on concurrent large downloads: one past it is a 503 problem at once, and a slot closed is free again. */
class BusySlotsTest {
  @Test
  void oneMoreThanTheSlotsIsA503AndAClosedSlotIsFreeAgain() {
    BusySlots slots = new BusySlots(2, "large downloads");
    BusySlots.Slot a = slots.take();
    BusySlots.Slot b = slots.take();
    Problem p = assertThrows(Problem.class, slots::take);
    assertEquals(503, p.status());
    assertTrue(p.getMessage().contains("2 large downloads"), p.getMessage());
    a.close();
    a.close(); // twice gives back one slot, not two
    BusySlots.Slot c = slots.take();
    assertThrows(Problem.class, slots::take);
    b.close();
    c.close();
    slots.take().close();
  }
}
