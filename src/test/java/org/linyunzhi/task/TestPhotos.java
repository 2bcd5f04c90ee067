package org.linyunzhi.task;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Real photos for tests: a JPEG drawn here with a GPS position written into its EXIF block, as a phone camera does. */
public final class TestPhotos {

    private TestPhotos() {
    }

    public static byte[] jpegWithGps(double lon, double lat) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TiffOutputSet exif = new TiffOutputSet();
            exif.setGpsInDegrees(lon, lat);
            new ExifRewriter().updateExifMetadataLossless(image("jpg"), out, exif);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("could not write the test photo", e);
        }
    }

    public static byte[] png() {
        return image("png");
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 140, 200));
        g.fillRect(0, 0, 160, 120);
        g.setColor(Color.WHITE);
        g.fillOval(40, 20, 80, 80);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
