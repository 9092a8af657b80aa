package id.cakupan.map;
public enum ClassMethod { QUANTILE, EQUAL_INTERVAL, JENKS, MANUAL; public static ClassMethod parse(String s){return QUANTILE;} }
