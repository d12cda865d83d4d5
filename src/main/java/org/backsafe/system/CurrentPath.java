package org.backsafe.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the path it was asked for, so the language switch in fragments/layout.html can
 * link to the same page in the other language.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentPath {

	@ModelAttribute("requestPath")
	String requestPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// Never a link to another host ("//host"), whatever the firewall lets through; and an error
		// page switches language by starting again.
		boolean safe = path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/error");
		return safe ? path : "/";
	}

}
