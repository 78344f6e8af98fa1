import { rt } from '../runtime';
import { resolvePrinterHost } from './printer-networks';

/** The server's check of a network printer's host: inside PRINTER_NETWORKS, by the address it resolved. */
export function serverPrinterHostCheck(): (host: string) => Promise<string> {
  const networks = rt().config.printerNetworks;
  return (host) => resolvePrinterHost(host, networks);
}
