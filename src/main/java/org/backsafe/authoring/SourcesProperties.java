package org.backsafe.authoring;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the source documents the rules cite are kept. They are not part of the repository; when
 * the folder exists, the catalogue links each citation to the passage it cites. Bound as text:
 * Spring's conversion to a path refuses paths that start with "..".
 *
 * @param dir the folder holding the documents (e.g. 001_3749b9a02460a9d9.txt)
 */
@ConfigurationProperties("backsafe.sources")
public record SourcesProperties(@DefaultValue("../shared/seeds") String dir) {

	public Path folder() {
		return Path.of(this.dir);
	}

}
