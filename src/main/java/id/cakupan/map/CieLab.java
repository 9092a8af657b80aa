package id.cakupan.map;

import java.util.Locale;

/**
 * CIE L*a*b* colour (D65 white), for interpolating colours by perceived lightness. Converts from
 * and to {@code #rrggbb} sRGB; colours outside the sRGB gamut are clipped channel by channel.
 */
record CieLab(double l, double a, double b) {

    // D65 reference white, the white point of sRGB.
    private static final double XN = 0.95047;
    private static final double YN = 1.0;
    private static final double ZN = 1.08883;
    private static final double EPSILON = 216.0 / 24389.0; // (6/29)^3
    private static final double KAPPA = 24389.0 / 27.0;

    /** Parses {@code #rrggbb}. */
    static CieLab fromHex(String hex) {
        if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("not a #rrggbb colour: " + hex);
        }
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double r = toLinear(((rgb >> 16) & 0xff) / 255.0);
        double g = toLinear(((rgb >> 8) & 0xff) / 255.0);
        double bl = toLinear((rgb & 0xff) / 255.0);
        double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * bl;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * bl;
        double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * bl;
        double fx = f(x / XN);
        double fy = f(y / YN);
        double fz = f(z / ZN);
        return new CieLab(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    /** Lowercase {@code #rrggbb}, clipped into the sRGB gamut. */
    String toHex() {
        double fy = (l + 16) / 116;
        double fx = fy + a / 500;
        double fz = fy - b / 200;
        double x = XN * fInverse(fx);
        double y = YN * fInverse(fy);
        double z = ZN * fInverse(fz);
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return String.format(Locale.ROOT, "#%02x%02x%02x", channel(r), channel(g), channel(bl));
    }

    /** The colour a fraction {@code t} of the way from this one to {@code other}, in Lab. */
    CieLab towards(CieLab other, double t) {
        return new CieLab(l + (other.l - l) * t, a + (other.a - a) * t, b + (other.b - b) * t);
    }

    private static double toLinear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int channel(double linear) {
        double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.min(Math.max(c, 0), 1) * 255);
    }

    private static double f(double t) {
        return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
    }

    private static double fInverse(double f) {
        double cube = f * f * f;
        return cube > EPSILON ? cube : (116 * f - 16) / KAPPA;
    }
}
