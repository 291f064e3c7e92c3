import type { Metadata } from "next";
import { TimeZoneCookie } from "@/components/shell/time-zone-cookie";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Hourbook", template: "%s · Hourbook" },
  description: "Time tracking and invoicing for freelancers and small teams.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <TimeZoneCookie />
        {children}
      </body>
    </html>
  );
}
