package org.backsafe.screening;

public enum PainArea {

	NECK_SHOULDERS, UPPER_BACK, MIDDLE_BACK, LOWER_BACK

}
