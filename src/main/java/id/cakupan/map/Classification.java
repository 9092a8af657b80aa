package id.cakupan.map;
public record Classification(double[] breaks) { public int classes(){return 0;} public Integer classOf(Double v){return null;} public java.util.List<String> labels(java.util.function.DoubleFunction<String> f){return null;} }
