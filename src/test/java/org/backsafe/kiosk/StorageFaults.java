package org.backsafe.kiosk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real faults on real files, for the storage fault tests: a small tmpfs as the data folder, filled
 * to the last byte; a database file that cannot be written, even by root and even through a file
 * descriptor already open. A fault that cannot be set up fails the test with the reason: it never
 * passes without its fault.
 */
final class StorageFaults {

	private StorageFaults() {
	}

	/** Mounts a tmpfs of the given size (in MiB) on the folder; needs root, as CI has. */
	static void mountTmpfs(Path folder, int mebibytes) throws IOException, InterruptedException {
		Files.createDirectories(folder);
		run("mount a " + mebibytes + " MiB tmpfs for the data folder (the test needs root, as .ci/run has)", "mount",
				"-t", "tmpfs", "-o", "size=" + mebibytes + "m,mode=0755", "tmpfs", folder.toString());
	}

	static void unmount(Path folder) throws IOException, InterruptedException {
		run("unmount the tmpfs", "umount", folder.toString());
	}

	/** Fills the file system the folder is on, up to its last byte; returns the filler file. */
	static Path fill(Path folder) throws IOException {
		Path filler = folder.resolve("filler");
		byte[] block = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(filler)) {
			for (int size = block.length; size > 0; size /= 2) {
				try {
					while (true) {
						out.write(block, 0, size);
						out.flush();
					}
				}
				catch (IOException full) {
					// this size no longer fits: try a smaller one, down to one byte
				}
			}
		}
		catch (IOException closing) {
			// the stream's last flush fails the same way
		}
		long left = Files.getFileStore(folder).getUsableSpace();
		if (left > 0) {
			throw new AssertionError("Could not fill the disk: " + left + " bytes are still free");
		}
		return filler;
	}

	/**
	 * Makes a file unwritable: its mode 0444, and immutable ({@code chattr +i}), since root ignores
	 * the mode and a process keeps writing through a descriptor it opened before the mode changed.
	 */
	static void makeReadOnly(Path file) throws IOException, InterruptedException {
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
		run("make the database file immutable (chattr +i needs root, as .ci/run has)", "chattr", "+i", file.toString());
		if (canOpenForWriting(file)) {
			throw new AssertionError("Could not make " + file + " read-only: it still opens for writing");
		}
	}

	static void makeWritable(Path file) throws IOException, InterruptedException {
		run("make the database file mutable again", "chattr", "-i", file.toString());
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
	}

	private static boolean canOpenForWriting(Path file) {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void run(String what, String... command) throws IOException, InterruptedException {
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new AssertionError("Could not " + what + ": " + String.join(" ", command) + ": " + ex.getMessage(),
					ex);
		}
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("Could not " + what + ": " + String.join(" ", command) + " took over 10 s");
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (process.exitValue() != 0) {
			throw new AssertionError("Could not " + what + ": " + String.join(" ", command) + " exited with "
					+ process.exitValue() + ": " + output);
		}
	}

	/**
	 * The reference codes in the app's H2 file, read straight from the file once the app is dead (after
	 * a {@code kill -9}, H2 recovers the file as the app would on its next start).
	 */
	static List<String> storedCodes(Path folder) throws SQLException {
		String url = "jdbc:h2:file:" + folder.resolve("data/backsafe").toAbsolutePath();
		List<String> codes = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT reference_code FROM kiosk_screening")) {
			while (rows.next()) {
				codes.add(ReferenceCodes.display(rows.getString(1)));
			}
		}
		return codes;
	}

}
