package id.cakupan.map;
public final class Palette { public static final Palette SEQUENTIAL_GOOD=null, SEQUENTIAL_BAD=null; public static final String NO_DATA="#d9d9d9"; public java.util.List<String> colors(int k){return null;} }
