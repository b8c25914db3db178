package dev.gazette.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network between the application and its database, as a TCP relay a test can break: {@link #cut()} closes
 * every connection and refuses new ones (the server stopped, or was killed), {@link #freeze()} keeps connections
 * open and passes nothing either way (a network partition, a paused server: the case that hangs), {@link #mend()}
 * puts it right.
 */
public final class DatabaseLink implements AutoCloseable {

	private enum State { OPEN, CUT, FROZEN }

	private final String host;

	private final int port;

	private final ServerSocket listener;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final Object lock = new Object();

	private volatile State state = State.OPEN;

	public DatabaseLink(String host, int port) throws IOException {
		this.host = host;
		this.port = port;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "database-link");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** The port to connect to instead of the database's. */
	public int port() {
		return listener.getLocalPort();
	}

	public void cut() {
		synchronized (lock) {
			state = State.CUT;
			for (Socket socket : sockets) {
				closeQuietly(socket);
			}
			sockets.clear();
			lock.notifyAll();
		}
	}

	public void freeze() {
		synchronized (lock) {
			state = State.FROZEN;
		}
	}

	public void mend() {
		synchronized (lock) {
			state = State.OPEN;
			lock.notifyAll();
		}
	}

	@Override
	public void close() throws IOException {
		cut();
		listener.close();
	}

	private void accept() {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				Socket server = state == State.CUT ? null : new Socket(host, port);
				// Under the lock, so that a cut made while the database was being dialled reaches this pair too: the
				// pool's connection made just before a test's cut must not outlive it.
				synchronized (lock) {
					if (server == null || state == State.CUT) {
						client.setSoLinger(true, 0);
						closeQuietly(client);
						if (server != null) {
							closeQuietly(server);
						}
						continue;
					}
					sockets.add(client);
					sockets.add(server);
				}
				relay(client, server);
				relay(server, client);
			}
			catch (IOException ex) {
				// The listener was closed, or the database refused: the client sees its connection closed.
			}
		}
	}

	private void relay(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					waitWhileFrozen();
					if (state == State.CUT) {
						break;
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// One side closed.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "database-link-relay");
		thread.setDaemon(true);
		thread.start();
	}

	private void waitWhileFrozen() throws InterruptedException {
		synchronized (lock) {
			while (state == State.FROZEN) {
				lock.wait();
			}
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closed already.
		}
	}
}
