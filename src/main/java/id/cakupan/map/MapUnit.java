package id.cakupan.map;

import id.cakupan.coverage.KelurahanCode;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * One polygon of a layer at some level, with its geometry already encoded as RFC 7946 JSON so
 * that serving a layer does no geometry work.
 *
 * @param members the kelurahan whose counts sum into this unit (itself, for a kelurahan)
 */
public record MapUnit(
    String code,
    String name,
    Level level,
    String kecamatanCode,
    String kecamatan,
    String kotaCode,
    String kota,
    List<KelurahanCode> members,
    double areaKm2,
    Geometry geometry,
    String geometryJson) {}
