package id.cakupan.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Missing data is its own group at the end, never ranked by its (unknown) uncovered count. */
class WorklistSheetTest {
  private static WorklistSheet.Line line(String code, Long workforce, Long uncovered, boolean complete) {
    return new WorklistSheet.Line(code, null, code, 10L, workforce, uncovered, null, null, null, null, null, null, null,
        null, null, complete, null, null, null);
  }

  @Test
  void completeRowsByUncoveredThenTiesByCodeThenTheRowsToCheck() {
    List<WorklistSheet.Line> ordered = WorklistSheet.ordered(List.of(
        line("31.72.03.1005", null, null, false),
        line("31.72.03.1002", 100L, 90L, true),
        line("31.72.03.1001", 500L, 300L, true),
        line("31.72.03.1003", 200L, 90L, true),
        line("31.72.03.1004", null, null, false)));
    assertEquals(List.of("31.72.03.1001", "31.72.03.1002", "31.72.03.1003", "31.72.03.1004", "31.72.03.1005"),
        ordered.stream().map(WorklistSheet.Line::code).toList());
  }
}
