package id.cakupan.boundary;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoPackageBoundaryReaderTest {

    @Test
    void plainSqliteDatabaseIsNotAGeoPackage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bukan.gpkg");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = db.createStatement()) {
            statement.execute("create table kelurahan (nama text)");
        }

        BoundaryFormatException fromPath = assertThrows(BoundaryFormatException.class, () -> BoundaryFiles.read(file));
        BoundaryFormatException fromUpload = assertThrows(BoundaryFormatException.class,
                () -> BoundaryFiles.read("bukan.dat", Files.readAllBytes(file)));

        assertTrue(fromPath.getMessage().startsWith("bukan.gpkg: is not a readable GeoPackage"), fromPath.getMessage());
        assertTrue(fromUpload.getMessage().startsWith("bukan.dat: is not a readable GeoPackage"), fromUpload.getMessage());
    }
}
