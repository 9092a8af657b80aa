package id.cakupan.boundary;

import id.cakupan.coverage.KelurahanCode;

/**
 * One row of the crosswalk between the Kemendagri and BPS code systems, with the official name
 * and the spelling used by the BPS boundaries. Point and area are optional facts used for the
 * schematic boundaries.
 */
public record GazetteerEntry(
    KelurahanCode code,
    String bpsCode,
    String name,
    String kecamatan,
    String kota,
    String boundaryName,
    Double lon,
    Double lat,
    Double areaKm2) {}
