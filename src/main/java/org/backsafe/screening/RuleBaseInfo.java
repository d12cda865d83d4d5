package org.backsafe.screening;

import java.io.Serializable;
import java.time.Instant;

/** Which rule base a result came from: a hash of its files, and when it began serving. */
public record RuleBaseInfo(String version, Instant loadedAt) implements Serializable {

}
