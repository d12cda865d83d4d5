package org.backsafe.rulebase;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rules come from.
 *
 * @param dir the rules folder; when it does not exist, the copy packaged in the jar serves
 */
@ConfigurationProperties("backsafe.rules")
public record RuleBaseProperties(@DefaultValue("./rules") Path dir) {

}
