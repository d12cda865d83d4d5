# Build with the Maven wrapper, run on a JRE as a non-root user.
#   docker build -t backsafe .
#   docker run -p 8080:8080 backsafe
#   docker run -p 8080:8080 -v "$PWD/rules:/app/rules:ro" backsafe   # serve your own rules
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY rules rules
# The build lays the app out as target/backsafe.jar with its libraries in target/lib/: started with
# java -jar, the JVM's own class loader loads every class and can map them from a CDS archive.
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# A fixed user id, so that Kubernetes can check runAsNonRoot (deploy/kubernetes/deployment.yaml).
RUN useradd --system --uid 10001 --create-home --home-dir /app backsafe
# The code in /opt/backsafe, apart from the working folder /app that holds rules/ and data/.
WORKDIR /opt/backsafe
# The libraries first: a change to Backsafe's own code alone leaves that layer as it was.
COPY --from=build /src/target/lib/ ./lib/
COPY --from=build /src/target/backsafe.jar ./
WORKDIR /app
# The rules folder the app watches; mount a volume here to serve other rules.
COPY --chown=backsafe rules /app/rules
RUN mkdir -p /app/data && chown backsafe /app/data
# Class data sharing: two training runs (Spring's start, then the rules' compile and gate) list the
# classes the app loads; the JVM of this image writes them into /opt/backsafe/backsafe.jsa, which
# halves the start-up's CPU (docs/performance.md). Written here, by the same JVM that will read it,
# and as root, so the app's user cannot change it; the training leaves nothing in /app.
COPY scripts/train-cds.sh /tmp/train-cds.sh
RUN bash /tmp/train-cds.sh /opt/backsafe /app/rules && rm /tmp/train-cds.sh
USER backsafe
ENV BACKSAFE_RULES_DIR=/app/rules
EXPOSE 8080
# bash's /dev/tcp needs no curl or wget in the image. The status line decides: UP and DEGRADED (old
# rules still serving) answer 200, DOWN 503. (Grepping the body would match a component's "UP".)
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200'"]
# The heap is half the container's memory limit (768 MiB gives the 384 MiB heap of
# docs/performance.md, "Memory"); the other half holds class metadata, compiled code and threads.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:SharedArchiveFile=/opt/backsafe/backsafe.jsa", "-jar", "/opt/backsafe/backsafe.jar"]
