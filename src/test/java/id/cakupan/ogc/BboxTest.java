package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;

class BboxTest {
  @Test
  void fourNumbersAreWestSouthEastNorth() {
    assertEquals(List.of(new Envelope(106.85, 106.95, -6.15, -6.10)), Bbox.parse("106.85,-6.15,106.95,-6.10"));
  }

  @Test
  void sixNumbersCarryHeightsThatAreIgnored() {
    assertEquals(List.of(new Envelope(106.85, 106.95, -6.15, -6.10)), Bbox.parse("106.85,-6.15,0,106.95,-6.10,100"));
  }

  @Test
  void aBoxAcrossTheAntimeridianIsTwo() {
    assertEquals(List.of(new Envelope(170, 180, -10, 10), new Envelope(-180, -170, -10, 10)), Bbox.parse("170,-10,-170,10"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1,2,3", "1,2,3,4,5", "a,2,3,4", "1,2,3,NaN", "0,10,1,5", "-181,0,1,1", "0,-91,1,1", "1,,2,3"})
  void refusesWhatIsNotABox(String text) {
    assertThrows(IllegalArgumentException.class, () -> Bbox.parse(text));
  }
}
