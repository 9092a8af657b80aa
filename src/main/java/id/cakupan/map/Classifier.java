package id.cakupan.map;
public final class Classifier { public static Classification classify(ClassMethod m, int k, double[] b, java.util.Collection<Double> v){return null;} }
