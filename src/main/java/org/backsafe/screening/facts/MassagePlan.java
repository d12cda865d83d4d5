package org.backsafe.screening.facts;

import java.util.Set;

import org.backsafe.screening.Equipment;
import org.backsafe.screening.Setting;

/** Who will give the massage, and what the person has at hand. */
public final class MassagePlan {

	private final Setting setting;

	private final Set<Equipment> equipment;

	public MassagePlan(Setting setting, Set<Equipment> equipment) {
		this.setting = setting;
		this.equipment = equipment;
	}

	public Setting getSetting() {
		return this.setting;
	}

	public boolean isSelfMassage() {
		return this.setting == Setting.SELF;
	}

	public boolean has(Equipment item) {
		return this.equipment.contains(item);
	}

	public Set<Equipment> getEquipment() {
		return this.equipment;
	}

}
