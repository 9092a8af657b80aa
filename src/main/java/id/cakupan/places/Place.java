package id.cakupan.places;

import id.cakupan.map.Level;

/**
 * One administrative area as a picker lists it: its code and name, the codes and names of the
 * areas it lies in, its extent, and how many areas of the finer levels it holds.
 *
 * @param parents the coarser areas it lies in, coarsest first (provinsi, kota, kecamatan as they apply)
 * @param bbox {@code [minLon, minLat, maxLon, maxLat]} rounded outward to 4 decimals, empty when unknown
 * @param kota the kota in it (provinsi only, else 0)
 * @param kecamatan the kecamatan in it (provinsi and kota only, else 0)
 */
public record Place(Level level, String code, String name, String searchName, Place[] parents, double[] bbox,
    int kota, int kecamatan) {}
