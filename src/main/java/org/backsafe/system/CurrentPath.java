package org.backsafe.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Gives every page the path it was asked for, so the language switch in fragments/layout.html can
 * link to the same page in the other language. Added once a handler has chosen a view, so an answer
 * without one (the JSON API) costs nothing; a {@code @ModelAttribute} advice for
 * {@code @Controller}s ran for every {@code @RestController} too.
 */
@Configuration(proxyBeanMethods = false)
class CurrentPath implements WebMvcConfigurer, HandlerInterceptor {

	static final String ATTRIBUTE = "requestPath";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page != null && page.hasView() && !redirects(page)) {
			page.addObject(ATTRIBUTE, requestPath(request));
		}
	}

	private static boolean redirects(ModelAndView page) {
		String name = page.getViewName();
		return (name != null) ? name.startsWith("redirect:") || name.startsWith("forward:")
				: page.getView() instanceof RedirectView;
	}

	static String requestPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// Never a link to another host ("//host"), whatever the firewall lets through; and an error
		// page switches language by starting again.
		boolean safe = path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/error");
		return safe ? path : "/";
	}

}
