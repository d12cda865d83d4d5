package org.backsafe.screening;

/**
 * What a person with an urgent result must do now, least urgent first: the most urgent one found
 * wins. Said first and alone on every urgent result, never "call your doctor".
 */
public enum UrgentAction {

	/** Go to an emergency department now, and do not drive yourself (cauda equina, a leg clot). */
	GO_TO_EMERGENCY_DEPARTMENT,

	/** Call the emergency number now (the heart, the lungs, a torn artery). */
	CALL_EMERGENCY_NUMBER;

	public UrgentAction mostUrgent(UrgentAction other) {
		return (other == null || compareTo(other) >= 0) ? this : other;
	}

}
