/** Inline SVG icons (no icon font, no emoji font needed). Decorative: the words carry the meaning. */
import type { ReactNode, SVGProps } from 'react';

function Svg({ children, ...rest }: SVGProps<SVGSVGElement> & { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 48 48"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={3.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

export const BackIcon = () => (
  <Svg>
    <path d="M30 10 16 24l14 14" />
  </Svg>
);

export const ChevronIcon = () => (
  <Svg>
    <path d="m18 10 14 14-14 14" />
  </Svg>
);

export const SearchIcon = () => (
  <Svg>
    <circle cx="21" cy="21" r="12" />
    <path d="m30 30 10 10" />
  </Svg>
);

export const GlobeIcon = () => (
  <Svg>
    <circle cx="24" cy="24" r="17" />
    <path d="M7 24h34M24 7c-6 5-8 11-8 17s2 12 8 17c6-5 8-11 8-17s-2-12-8-17Z" />
  </Svg>
);

export const CalendarIcon = () => (
  <Svg>
    <rect x="7" y="10" width="34" height="31" rx="3" />
    <path d="M7 19h34M16 6v8M32 6v8M15 27h4M22 27h4M29 27h4M15 34h4M22 34h4" />
  </Svg>
);

export const DocumentIcon = () => (
  <Svg>
    <path d="M28 6H12v36h24V14z" />
    <path d="M28 6v8h8M18 24h12M18 31h12" />
  </Svg>
);

export const TicketIcon = () => (
  <Svg>
    <path d="M6 14h36v6a4 4 0 0 0 0 8v6H6v-6a4 4 0 0 0 0-8Z" />
    <path d="M30 15v18" strokeDasharray="3 4" />
  </Svg>
);

export const ClockIcon = () => (
  <Svg>
    <circle cx="24" cy="24" r="17" />
    <path d="M24 13v11l7 5" />
  </Svg>
);

export const PeopleIcon = () => (
  <Svg>
    <circle cx="17" cy="15" r="6" />
    <circle cx="33" cy="17" r="5" />
    <path d="M5 40c0-8 5-13 12-13s12 5 12 13M29 27c7 0 14 3 14 12" />
  </Svg>
);

export const PhoneIcon = () => (
  <Svg>
    <rect x="13" y="4" width="22" height="40" rx="4" />
    <path d="M21 38h6" />
  </Svg>
);

export const WheelchairIcon = () => (
  <Svg>
    <circle cx="21" cy="7" r="4.5" fill="currentColor" stroke="none" />
    <path d="M21 15v12h11l5 12" strokeWidth={5} />
    <path d="M21 21h9" strokeWidth={5} />
    <path d="M15 22a11 11 0 1 0 16 12" strokeWidth={4.5} />
  </Svg>
);

export const PregnantIcon = () => (
  <Svg>
    <circle cx="21" cy="6.5" r="4.5" fill="currentColor" stroke="none" />
    <path
      fill="currentColor"
      stroke="none"
      d="M17 13h7c2 0 3.2 1.2 3.6 3l.9 3.6c4.6 1.6 7 5 6.4 8.6-.5 3.2-3.4 5-6.9 5.2V44h-4V33.6h-1V44h-4V30.5c-1.2-1.5-2-3.6-2-6V17c0-2.2 1.8-4 4-4z"
    />
    <path d="m17 19-4 8" strokeWidth={4} />
  </Svg>
);

export const ElderlyIcon = () => (
  <Svg>
    <circle cx="19" cy="6.5" r="4.5" fill="currentColor" stroke="none" />
    <path
      fill="currentColor"
      stroke="none"
      d="M16.5 13.5c2-.8 4.5-.3 5.5 1.8l2.3 5.2 5.2 3.4-2 3-6-3.8-.8-1.4-.4 7.3 4.7 13H20.6l-3.8-10.5L14 44H9.6l3.6-13.6.2-12.6c0-2 1.2-3.6 3.1-4.3z"
    />
    <path d="M31 26v18" />
    <path d="M27.5 26.5c0-2.6 3.5-3 3.5-.5" />
  </Svg>
);

export const CheckIcon = () => (
  <Svg>
    <path d="m10 25 9 9 19-20" strokeWidth={5} />
  </Svg>
);

export const AlertIcon = () => (
  <Svg>
    <path d="M24 6 43 40H5Z" />
    <path d="M24 19v10M24 34v1" />
  </Svg>
);

export const PrinterIcon = () => (
  <Svg>
    <path d="M14 18V6h20v12M14 36H8V20a2 2 0 0 1 2-2h28a2 2 0 0 1 2 2v16h-6" />
    <path d="M14 28h20v14H14Z" />
  </Svg>
);

export const HourglassIcon = () => (
  <Svg>
    <path d="M13 6h22M13 42h22M15 6c0 10 9 12 9 18s-9 8-9 18M33 6c0 10-9 12-9 18s9 8 9 18" />
  </Svg>
);

export const BackspaceIcon = () => (
  <Svg>
    <path d="M17 10h24v28H17L5 24Z" />
    <path d="m23 18 12 12M35 18 23 30" />
  </Svg>
);

export const HeadphonesIcon = () => (
  <Svg>
    <path d="M8 30v-6a16 16 0 0 1 32 0v6" />
    <rect x="6" y="28" width="9" height="13" rx="3" fill="currentColor" />
    <rect x="33" y="28" width="9" height="13" rx="3" fill="currentColor" />
  </Svg>
);

export const ContrastIcon = () => (
  <Svg>
    <circle cx="24" cy="24" r="17" />
    <path d="M24 7a17 17 0 0 1 0 34z" fill="currentColor" />
  </Svg>
);

export const TextSizeIcon = () => (
  <Svg>
    <path d="M4 38 14 12l10 26M8 29h12" />
    <path d="M27 38l7-18 7 18M29.5 32h9" strokeWidth={3} />
  </Svg>
);

export const LowLayoutIcon = () => (
  <Svg>
    <rect x="11" y="4" width="26" height="40" rx="3" />
    <path d="M15 28h18M15 34h18M15 40h18" />
    <path d="M24 10v10m-5-5 5 5 5-5" />
  </Svg>
);

export const MinusIcon = () => (
  <Svg>
    <path d="M10 24h28" />
  </Svg>
);

export const PlusIcon = () => (
  <Svg>
    <path d="M10 24h28M24 10v28" />
  </Svg>
);
