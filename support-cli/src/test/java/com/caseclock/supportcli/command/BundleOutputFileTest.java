package com.caseclock.supportcli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.caseclock.supportcli.Cli;
import com.caseclock.supportcli.ExitCodes;
import com.caseclock.supportcli.FakeService;

/**
 * {@code bundle -o PATH} with real files: an existing regular file is replaced, anything else that exists (symbolic
 * link, directory, socket, read-only file) is refused with exit 6 before any service is called, an empty path is a
 * usage error, and no temporary file is ever left behind.
 */
class BundleOutputFileTest {

    private static final String DIAG = "/api/v1/support/diagnostics";

    private FakeService service;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        service = new FakeService().answer("GET", DIAG, 200, "{\"service\":{\"version\":\"1\"}}");
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private Cli.Result bundleTo(String output) {
        return Cli.run(Map.of("TIMEENTRY_URL", service.url(), "MATTER_CACHE_URL", service.url(), "CONNECTOR_URL",
                service.url(), "CASECLOCK_TOKEN", "cli-token-abcdef-123456"), "bundle", "--firm", "harbor-pine", "-o",
                output);
    }

    private void assertRefused(Cli.Result r, Path path, String reason) throws IOException {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.NOT_WRITTEN);
        assertThat(r.err()).contains("error: Could not write " + path + ": " + reason);
        assertThat(service.requests()).as("refused before calling the services").isEmpty();
        assertNoTemporaryFiles();
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".bundle-"));
        }
    }

    @Test
    void anExistingRegularFileIsReplaced() throws IOException {
        Path file = Files.writeString(dir.resolve("b.json"), "old");

        Cli.Result r = bundleTo(file.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(file)).contains("caseclock-diagnostics-bundle/1");
        assertNoTemporaryFiles();
    }

    @Test
    void aSymbolicLinkIsRefusedAndNeitherItNorItsTargetChanges() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);

        assertRefused(bundleTo(link.toString()), link, "is a symbolic link");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("keep me");
    }

    @Test
    void aDirectoryIsRefused() throws IOException {
        assertRefused(bundleTo(dir.toString()), dir, "is a directory");
        assertThat(Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void somethingThatIsNotARegularFileIsRefused() throws IOException {
        Path socket = dir.resolve("s.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            assertRefused(bundleTo(socket.toString()), socket, "is not a regular file");

            assertThat(Files.isRegularFile(socket, LinkOption.NOFOLLOW_LINKS)).isFalse();
        }
    }

    @Test
    void aReadOnlyFileIsRefusedAndKept() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = Files.writeString(dir.resolve("ro.json"), "keep me");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assumeFalse(Files.isWritable(file), "running as root: file permissions do not bite");

        assertRefused(bundleTo(file.toString()), file, "is not writable");

        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void aMissingDirectoryIsRefused() throws IOException {
        Path file = dir.resolve("no/such/b.json");
        assertRefused(bundleTo(file.toString()), file, "directory " + file.getParent() + " does not exist");
    }

    @Test
    void anEmptyPathIsAUsageError() {
        for (String empty : new String[] {"", "  "}) {
            Cli.Result r = bundleTo(empty);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("empty path");
        }
        assertThat(service.requests()).isEmpty();
    }

    @Test
    void whenTheFinalStepFailsTheTemporaryFileIsDeletedAndTheRealReasonGiven() throws IOException {
        Path tooLong = dir.resolve("b".repeat(300) + ".json"); // passes the checks; the rename fails

        Cli.Result r = bundleTo(tooLong.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.NOT_WRITTEN);
        assertThat(r.err()).contains("error: Could not write " + tooLong
                + ": File name too long (moving the finished bundle into place)");
        assertThat(service.requests()).isNotEmpty();
        assertNoTemporaryFiles();
    }
}
