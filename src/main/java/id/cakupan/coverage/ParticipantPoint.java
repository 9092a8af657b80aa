package id.cakupan.coverage;

/** One participant (or employer) at a location, from a points CSV line. */
public record ParticipantPoint(int line, double lon, double lat, Period period, Sector sector) {}
