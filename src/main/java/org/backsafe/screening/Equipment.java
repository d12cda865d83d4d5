package org.backsafe.screening;

public enum Equipment {

	FOAM_ROLLER, MASSAGE_BALL, TENNIS_BALL, HEAT_SOURCE

}
