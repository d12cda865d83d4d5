package org.backsafe.screening.facts;

public final class Person {

	private final int age;

	public Person(int age) {
		this.age = age;
	}

	public int getAge() {
		return this.age;
	}

}
