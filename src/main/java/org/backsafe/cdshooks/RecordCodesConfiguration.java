package org.backsafe.cdshooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.backsafe.rulebase.RuleFiles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The table of record codes, read at start-up from the rules folder ({@code backsafe.rules.dir}),
 * beside the rules: {@code record-codes/record-codes.csv}. Where the rules come from the packaged
 * copy (no rules folder), so does the table; a rules folder without the table gets the packaged one,
 * which the log says. A table that cannot be read stops the start, naming the file and line.
 * It is not re-read while the app runs: an edit is taken up at the next start.
 */
@Configuration(proxyBeanMethods = false)
class RecordCodesConfiguration {

	static final String FILE = RuleFiles.RECORD_CODES + "record-codes.csv";

	private static final Log logger = LogFactory.getLog(RecordCodesConfiguration.class);

	@Bean
	RecordCodes recordCodes(@Value("${backsafe.rules.dir:./rules}") String dir) {
		Path folder = Path.of(dir);
		Path file = folder.resolve(FILE);
		RecordCodes codes;
		if (Files.isRegularFile(file)) {
			try {
				codes = RecordCodes.read(Files.readAllBytes(file), file.toString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not read " + file + ": " + ex.getMessage(), ex);
			}
		}
		else {
			if (Files.isDirectory(folder)) {
				logger.warn("The rules folder " + folder.toAbsolutePath().normalize() + " has no " + FILE
						+ "; CDS Hooks cards use the packaged table of record codes");
			}
			codes = packaged();
		}
		logger.info("CDS Hooks: " + codes.rows().size() + " record codes from " + codes.file() + " (table "
				+ codes.version() + ")");
		return codes;
	}

	static RecordCodes packaged() {
		ClassPathResource resource = new ClassPathResource("rules/" + FILE);
		try (InputStream in = resource.getInputStream()) {
			return RecordCodes.read(in.readAllBytes(), "packaged copy (classpath:rules/" + FILE + ")");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the packaged rules/" + FILE + ": " + ex.getMessage(), ex);
		}
	}

}
