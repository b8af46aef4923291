package org.hackablemail.spf.dnsjava;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A small authoritative DNS server speaking the wire protocol over UDP and TCP on loopback, serving a zone
 * kept in memory, for tests that need real DNS (the SPF adapter, an in-process James). Names marked silent
 * get no answer at all, so clients time out. Not for production: one thread per protocol, no limits.
 */
public final class LoopbackDnsServer implements AutoCloseable {
    private static final int MAX_UDP_PAYLOAD = 512;
    private static final int MAX_CNAME_CHAIN = 8;
    private static final long TTL = 60;

    private final Map<Name, List<Record>> zone;
    private final Set<Name> silent;
    private final DatagramSocket udp;
    private final ServerSocket tcp;

    private LoopbackDnsServer(Map<Name, List<Record>> zone, Set<Name> silent, DatagramSocket udp, ServerSocket tcp) {
        this.zone = zone;
        this.silent = silent;
        this.udp = udp;
        this.tcp = tcp;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<Name, List<Record>> zone = new HashMap<>();
        private final Set<Name> silent = new HashSet<>();

        private Builder() {
        }

        /** A record in master-file syntax, e.g. {@code record("example.com", Type.MX, "10 mx.example.com.")}. */
        public Builder record(String name, int type, String rdata) {
            try {
                Name owner = Name.fromString(name, Name.root);
                zone.computeIfAbsent(owner, key -> new ArrayList<>())
                    .add(Record.fromString(owner, type, DClass.IN, TTL, rdata, Name.root));
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** One TXT record holding {@code text} as a single character-string. */
        public Builder txt(String name, String text) {
            return record(name, Type.TXT, '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }

        /** Queries about {@code name} are never answered. */
        public Builder silent(String name) {
            try {
                silent.add(Name.fromString(name, Name.root));
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Starts serving on 127.0.0.1 at {@code port} for both protocols; 0 picks a free port. */
        public LoopbackDnsServer start(int port) throws IOException {
            return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }

        /**
         * Starts serving at {@code address} for both protocols: e.g. 127.0.0.153 port 53 (binding it needs root) for
         * clients that can only be given a server's address, not its port.
         */
        public LoopbackDnsServer start(InetSocketAddress address) throws IOException {
            DatagramSocket udp = new DatagramSocket(address);
            ServerSocket tcp = new ServerSocket();
            try {
                tcp.bind(new InetSocketAddress(address.getAddress(), udp.getLocalPort()));
            } catch (IOException e) {
                udp.close();
                throw e;
            }
            LoopbackDnsServer server = new LoopbackDnsServer(Map.copyOf(zone), Set.copyOf(silent), udp, tcp);
            server.serveInBackground();
            return server;
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
    }

    private void serveInBackground() {
        Thread udpThread = new Thread(this::serveUdp, "loopback-dns-udp");
        Thread tcpThread = new Thread(this::serveTcp, "loopback-dns-tcp");
        udpThread.setDaemon(true);
        tcpThread.setDaemon(true);
        udpThread.start();
        tcpThread.start();
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                Optional<Message> response = answer(new Message(Arrays.copyOf(packet.getData(), packet.getLength())));
                if (response.isPresent()) {
                    byte[] wire = response.get().toWire(MAX_UDP_PAYLOAD);
                    udp.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException malformedQuery) {
                // Ignore it, as a real server would.
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket connection = tcp.accept()) {
                DataInputStream in = new DataInputStream(connection.getInputStream());
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                Optional<Message> response = answer(new Message(query));
                if (response.isPresent()) {
                    byte[] wire = response.get().toWire();
                    DataOutputStream out = new DataOutputStream(connection.getOutputStream());
                    out.writeShort(wire.length);
                    out.write(wire);
                    out.flush();
                }
            } catch (SocketException closed) {
                if (tcp.isClosed()) {
                    return;
                }
            } catch (IOException malformedQuery) {
                // Ignore it, as a real server would.
            }
        }
    }

    private Optional<Message> answer(Message query) {
        Record question = query.getQuestion();
        if (question == null || silent.contains(question.getName())) {
            return Optional.empty();
        }
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        if (!zone.containsKey(name)) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return Optional.of(response);
        }
        for (int link = 0; link < MAX_CNAME_CHAIN && zone.containsKey(name); link++) {
            Optional<CNAMERecord> alias = recordsOf(name, Type.CNAME).stream().map(CNAMERecord.class::cast).findFirst();
            if (alias.isEmpty() || question.getType() == Type.CNAME) {
                recordsOf(name, question.getType()).forEach(record -> response.addRecord(record, Section.ANSWER));
                break;
            }
            response.addRecord(alias.get(), Section.ANSWER);
            name = alias.get().getTarget();
        }
        return Optional.of(response);
    }

    private List<Record> recordsOf(Name name, int type) {
        return zone.getOrDefault(name, List.of()).stream().filter(record -> record.getType() == type).toList();
    }
}
