package id.cakupan.bench;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The heap of another JVM on this machine, read through its platform MXBeans: the Attach API
 * starts the target's local-only JMX agent, so the server needs no JMX flags or port. Reading
 * costs the server one small RMI call, cheap enough to do every second under load.
 */
final class ProcessHeap implements AutoCloseable {
  private final long pid;
  private final JMXConnector connector;
  private final MemoryMXBean memory;
  private final List<GarbageCollectorMXBean> collectors;

  /** Heap figures in bytes; {@code afterLastGc} is -1 before the first collection. */
  record Reading(long used, long committed, long max, long afterLastGc, long gcCount, long gcMillis, long rss) {}

  private ProcessHeap(long pid, JMXConnector connector) throws IOException {
    this.pid = pid;
    this.connector = connector;
    MBeanServerConnection server = connector.getMBeanServerConnection();
    this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
        MemoryMXBean.class);
    this.collectors = ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class);
  }

  static ProcessHeap attach(long pid) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
    String address;
    try {
      address = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    return new ProcessHeap(pid, JMXConnectorFactory.connect(new JMXServiceURL(address)));
  }

  Reading read() throws IOException {
    MemoryUsage heap = memory.getHeapMemoryUsage();
    long gcCount = 0;
    long gcMillis = 0;
    GcInfo last = null;
    for (GarbageCollectorMXBean gc : collectors) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcMillis += Math.max(0, gc.getCollectionTime());
      GcInfo info = gc.getLastGcInfo();
      if (info != null && (last == null || info.getEndTime() > last.getEndTime())) last = info;
    }
    long after = -1;
    if (last != null) {
      // Heap pools only: the after-GC map also holds metaspace and the code cache.
      after = 0;
      for (var e : last.getMemoryUsageAfterGc().entrySet()) {
        if (isHeapPool(e.getKey())) after += e.getValue().getUsed();
      }
    }
    return new Reading(heap.getUsed(), heap.getCommitted(), heap.getMax(), after, gcCount, gcMillis, rss());
  }

  private static boolean isHeapPool(String pool) {
    return pool.contains("Eden") || pool.contains("Survivor") || pool.contains("Old") || pool.contains("Tenured")
        || pool.contains("Humongous");
  }

  /** Resident set size from /proc, or -1 where there is none. */
  private long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux, or the process is gone: no figure.
    }
    return -1;
  }

  @Override
  public void close() {
    try {
      connector.close();
    } catch (IOException e) {
      // The server may already be gone; nothing to release then.
    }
  }
}
