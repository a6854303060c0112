# The balancer for compose.yaml: HAProxy from Debian's package, the same one scripts/cluster runs.
FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends haproxy \
    && rm -rf /var/lib/apt/lists/*
COPY deploy/haproxy.cfg /etc/haproxy/haproxy.cfg
USER haproxy
EXPOSE 8501
CMD ["haproxy", "-db", "-f", "/etc/haproxy/haproxy.cfg"]
