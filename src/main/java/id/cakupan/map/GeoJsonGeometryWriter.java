package id.cakupan.map;
public final class GeoJsonGeometryWriter { public static String toJson(org.locationtech.jts.geom.Geometry g){return null;} }
