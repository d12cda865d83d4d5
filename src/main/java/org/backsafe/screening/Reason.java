package org.backsafe.screening;

import java.io.Serializable;

/**
 * Why a result says what it says: the rule that decided, the source it cites, and the question it is
 * about (if any). The words are looked up by rule id at the moment they are shown, in the reader's
 * language.
 */
public record Reason(String rule, String source, HealthQuestion subject) implements Serializable {

}
