package org.backsafe;

import org.backsafe.rulebase.ValidateCommand;
import org.backsafe.ruleversions.PublishCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BacksafeApplication {

	public static void main(String[] args) {
		if (ValidateCommand.isCommand(args)) {
			System.exit(ValidateCommand.runFromCommandLine(args));
		}
		if (PublishCommand.isCommand(args)) {
			System.exit(PublishCommand.runFromCommandLine(args));
		}
		SpringApplication.run(BacksafeApplication.class, args);
	}

}
